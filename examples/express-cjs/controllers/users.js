'use strict';
const userService = require('../services/user-service');

const usersController = {};

usersController.list = function (req, res) {
  res.json(userService.findAll());
};

usersController.show = function (req, res) {
  const user = userService.findById(req.params.id);
  if (!user) return res.status(404).json({ error: 'not found' });
  res.json(user);
};

usersController.create = function (req, res) {
  res.status(201).json(userService.create(req.body));
};

module.exports = usersController;
